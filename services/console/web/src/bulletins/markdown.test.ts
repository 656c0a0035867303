// Unit tests of the bulletin Markdown renderer: Markdown becomes elements, HTML and script URLs stay inert.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BulletinMarkdown } from './BulletinMarkdown.tsx';

const render = (text: string) => renderToStaticMarkup(createElement(BulletinMarkdown, { text }));

describe('bulletin Markdown', () => {
  it('when the body has emphasis, a list, a heading and a link, then they are elements, headings below the page’s own and the link opens apart', () => {
    const html = render(
      '# 作案手法\n\n对方**冒充客服**：\n\n- 要求共享屏幕\n- 索要验证码\n\n[反诈指南](https://www.example.cn/guide)',
    );
    expect(html).toContain('<h3>作案手法</h3>');
    expect(html).toContain('<strong>冒充客服</strong>');
    expect(html).toMatch(/<ul>\s*<li>要求共享屏幕<\/li>\s*<li>索要验证码<\/li>\s*<\/ul>/);
    expect(html).toContain(
      '<a href="https://www.example.cn/guide" target="_blank" rel="noopener noreferrer nofollow">反诈指南</a>',
    );
  });

  it('when the body holds a <script>, an inline handler or raw HTML, then it is shown as text and no element of it exists', () => {
    const html = render(
      '提示<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<b>粗</b>',
    );
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it('when a link or an image points to javascript: or elsewhere, then no script URL is kept and no image is loaded', () => {
    const html = render('[点我](javascript:alert(1)) ![二维码](https://evil.example/qr.png)');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('点我');
  });
});
