import { LoadingPage, SkeletonHeading, SkeletonTable } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading invitations…">
      <SkeletonHeading />
      <SkeletonTable rows={8} columns={5} />
    </LoadingPage>
  );
}
