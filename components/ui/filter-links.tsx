import Link from "next/link";

export interface FilterLink {
  label: string;
  href: string;
  current: boolean;
}

/** A row of filter links (All, Pending, …); the current one is marked for assistive technology too. */
export function FilterLinks({ label, links }: { label: string; links: FilterLink[] }) {
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap gap-2">
      {links.map((link) => (
        <Link
          key={link.label}
          href={link.href}
          aria-current={link.current ? "page" : undefined}
          className={
            link.current
              ? "rounded-full bg-accent-600 px-3 py-1 text-sm font-medium text-white"
              : "rounded-full border border-gray-300 bg-white px-3 py-1 text-sm font-medium text-gray-800 hover:bg-gray-50"
          }
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
