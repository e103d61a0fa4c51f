"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export interface AreaNavItem {
  href: string;
  label: string;
  /** Section heading shown above the item (e.g. "Settings"). */
  group?: string;
}

export function AreaNav({ label, items }: { label: string; items: AreaNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="text-sm">
      <ul className="space-y-1">
        {items.map((item, index) => {
          const active = item.href === pathname || (item.href !== items[0]?.href && pathname.startsWith(`${item.href}/`));
          const heading = item.group && item.group !== items[index - 1]?.group ? item.group : undefined;
          return (
            <li key={item.href}>
              {heading && <p className="mb-1 mt-4 px-3 text-xs font-semibold uppercase tracking-wide text-gray-600">{heading}</p>}
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-2 font-medium",
                  active ? "bg-accent-50 text-accent-800" : "text-gray-700 hover:bg-gray-100 hover:text-gray-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
