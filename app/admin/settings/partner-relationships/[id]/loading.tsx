import { LoadingPage, Skeleton, SkeletonDetails, SkeletonHeading, SkeletonTable } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading the partner's details…">
      <Skeleton className="h-4 w-40" />
      <SkeletonHeading />
      <SkeletonDetails lines={4} />
      <SkeletonTable rows={4} columns={4} />
    </LoadingPage>
  );
}
