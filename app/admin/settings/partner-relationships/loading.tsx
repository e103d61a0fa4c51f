import { LoadingPage, Skeleton, SkeletonHeading, SkeletonTable } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading partner relationships…">
      <SkeletonHeading />
      <div className="flex flex-wrap gap-3">
        <Skeleton className="h-9 w-64 max-w-full" />
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-9 w-24" />
      </div>
      <SkeletonTable rows={8} columns={5} />
    </LoadingPage>
  );
}
