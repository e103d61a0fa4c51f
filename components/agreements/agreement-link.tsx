/** Opens the agreement in a new tab, so the page being answered is not lost. */
export function AgreementLink({ title }: { title: string }) {
  return (
    <a className="font-medium text-accent-700 underline" href="/legal/customer-agreement" target="_blank" rel="noopener noreferrer">
      {title}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
