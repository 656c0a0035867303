// A bulletin's Markdown rendered safely: React elements only, raw HTML kept as inert visible text, links only to safe protocols.
import Markdown, { type Components } from 'react-markdown';

/** The part of a hast node this plugin reads (hast's types are not a dependency of the app). */
interface HastNode {
  type: string;
  value?: string;
  children?: HastNode[];
}

/**
 * A rehype plugin: an HTML tag written in the text (`<script>…`) becomes the text it is, so a
 * reader sees what the writer typed and nothing of it runs. react-markdown would otherwise drop it
 * silently, which hides what a writer tried to publish.
 */
function rawHtmlAsText() {
  const walk = (node: HastNode): void => {
    for (const child of node.children ?? []) {
      if (child.type === 'raw') child.type = 'text';
      else walk(child);
    }
  };
  return walk;
}

// The page already has its own h1/h2: a bulletin's headings sit below them.
const COMPONENTS: Components = {
  h1: 'h3',
  h2: 'h4',
  h3: 'h5',
  h4: 'h6',
  h5: 'h6',
  h6: 'h6',
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
};

// Images would load from anywhere a writer points (and tell that server who reads): their alt text stays.
const DISALLOWED = ['img'];

export function BulletinMarkdown({ text }: { text: string }) {
  return (
    <div className="bu-markdown">
      <Markdown
        rehypePlugins={[rawHtmlAsText]}
        components={COMPONENTS}
        disallowedElements={DISALLOWED}
        unwrapDisallowed
      >
        {text}
      </Markdown>
    </div>
  );
}
