import { LoadingPage, Skeleton, SkeletonHeading, SkeletonTable } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading the invitation…" className="max-w-3xl">
      <SkeletonHeading />
      <div className="flex gap-4 rounded-lg border border-gray-200 bg-white p-5">
        <Skeleton className="size-12 shrink-0 rounded-full" />
        <div className="flex-1 space-y-2">
          <Skeleton className="h-5 w-48" />
          <Skeleton className="h-4 w-64 max-w-full" />
        </div>
      </div>
      <SkeletonTable rows={3} columns={3} />
      <Skeleton className="h-40 w-full" />
    </LoadingPage>
  );
}
