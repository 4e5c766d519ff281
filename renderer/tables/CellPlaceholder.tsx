import { Skeleton, SkeletonItem } from '@fluentui/react-components';

/** A cell whose row's page is on its way. */
export function CellPlaceholder() {
  return (
    <Skeleton aria-hidden>
      <SkeletonItem size={16} />
    </Skeleton>
  );
}
