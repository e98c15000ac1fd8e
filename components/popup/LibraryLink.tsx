import { browser } from 'wxt/browser';

/** Opens one of Gloss's pages in a tab and closes the popup. */
export async function openGlossPage(page: 'library' | 'options'): Promise<void> {
  if (page === 'options') await browser.runtime.openOptionsPage();
  else await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
  window.close();
}

/** A link to the library, Gloss's page of every highlight. */
export function LibraryLink({ label = 'library' }: { label?: string }) {
  return (
    <a
      href="/library.html"
      class="library-link"
      onClick={(e) => {
        e.preventDefault();
        void openGlossPage('library');
      }}
    >
      {label}
    </a>
  );
}
