// A wide table's own scrolling area on a phone, reachable by keyboard (a scroll box with no focus stop fails axe's scrollable-region-focusable).
import type { ReactNode } from 'react';

export function ScrollRegion({
  label,
  testId,
  children,
}: {
  label: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid={testId}
      style={{ overflowX: 'auto' }}
    >
      {children}
    </div>
  );
}
