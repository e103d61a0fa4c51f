"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Disclosure } from "./disclosure";

export interface AreaNavItem {
  href: string;
  label: string;
  /** Section heading shown above the item (e.g. "Settings"). */
  group?: string;
}

/** The item of the page being shown: the exact address, or a page under an item other than the area's home. */
function currentItem(items: AreaNavItem[], pathname: string): AreaNavItem | undefined {
  return items.find((item) => item.href === pathname) ?? items.find((item) => item.href !== items[0]?.href && pathname.startsWith(`${item.href}/`));
}

function NavList({ label, items, current }: { label: string; items: AreaNavItem[]; current: AreaNavItem | undefined }) {
  return (
    <nav aria-label={label} className="text-sm">
      <ul className="space-y-1">
        {items.map((item, index) => {
          const heading = item.group && item.group !== items[index - 1]?.group ? item.group : undefined;
          return (
            <li key={item.href}>
              {heading && <p className="mb-1 mt-4 px-3 text-xs font-semibold uppercase tracking-wide text-gray-600">{heading}</p>}
              <Link
                href={item.href}
                aria-current={item === current ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-2 font-medium",
                  item === current ? "bg-accent-50 text-accent-800" : "text-gray-700 hover:bg-gray-100 hover:text-gray-900",
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

/**
 * The area's menu. From `md` up it is a column beside the page; below it, one line (the area and the
 * current page) that opens the same list, so the page itself starts on the first screen. Only one of
 * the two is displayed at a time.
 */
export function AreaNav({ title, label, items }: { title: string; label: string; items: AreaNavItem[] }) {
  const current = currentItem(items, usePathname());
  return (
    <>
      <div className="hidden md:block">
        <p className="mb-3 px-3 text-sm font-semibold text-gray-900">{title}</p>
        <NavList label={label} items={items} current={current} />
      </div>
      <Disclosure
        className="group rounded-md border border-gray-200 bg-white md:hidden"
        summaryClassName="flex items-center justify-between gap-3 rounded-md px-3 py-2.5 text-sm"
        summary={
          <>
            <span className="min-w-0">
              <span className="font-semibold text-gray-900">{title}</span>
              {current && (
                <>
                  <span aria-hidden="true" className="text-gray-500">
                    {" / "}
                  </span>
                  <span className="sr-only">, current page: </span>
                  <span className="text-gray-700">{current.label}</span>
                </>
              )}
            </span>
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 text-gray-700 transition-transform group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
              <path d="m6 8 4 4 4-4" />
            </svg>
          </>
        }
      >
        <div className="border-t border-gray-200 p-2">
          <NavList label={label} items={items} current={current} />
        </div>
      </Disclosure>
    </>
  );
}
