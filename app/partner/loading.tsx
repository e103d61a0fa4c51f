import { LoadingPage, SkeletonCards, SkeletonHeading } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingPage label="Loading the partner portal…">
      <SkeletonHeading />
      <SkeletonCards count={3} />
    </LoadingPage>
  );
}
