import { LoadingPage, Skeleton, SkeletonForm, SkeletonHeading } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading the invitation form…" className="max-w-3xl">
      <Skeleton className="h-4 w-24" />
      <SkeletonHeading />
      <SkeletonForm fields={4} />
    </LoadingPage>
  );
}
