import { LoadingPage, SkeletonCards, SkeletonHeading, SkeletonTable } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading the admin center…">
      <SkeletonHeading />
      <SkeletonCards count={3} />
      <SkeletonTable rows={4} columns={3} />
    </LoadingPage>
  );
}
