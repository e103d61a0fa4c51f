import { LoadingPage, SkeletonHeading, SkeletonTable } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading customer requests…">
      <SkeletonHeading />
      <SkeletonTable rows={8} columns={4} />
    </LoadingPage>
  );
}
