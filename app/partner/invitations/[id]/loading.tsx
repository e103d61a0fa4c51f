import { LoadingPage, Skeleton, SkeletonDetails, SkeletonHeading } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading the invitation…" className="max-w-3xl">
      <Skeleton className="h-4 w-24" />
      <SkeletonHeading withLine={false} />
      <SkeletonDetails lines={7} />
    </LoadingPage>
  );
}
