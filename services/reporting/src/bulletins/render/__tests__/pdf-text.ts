import { inflateSync } from 'node:zlib';

/**
 * A tiny PDF reader for tests, enough for pdfkit's output: it inflates the streams, reads the
 * ToUnicode CMaps (glyph id → Unicode) and decodes the hex strings of the text operators, so a
 * test can assert which characters a reader (or a copy-paste) would actually get.
 */
export interface PdfFacts {
  /** BaseFont names, e.g. "CZZZZZ+NotoSansCJKsc-Regular". */
  fonts: string[];
  /** Sizes of embedded font programs (FontFile, FontFile2, FontFile3 streams). */
  embeddedFontBytes: number[];
  /** Text of every text-showing operator, one entry per operator. */
  textRuns: string[];
  /** All runs joined with newlines. */
  text: string;
  pageCount: number;
}

interface PdfStream {
  objectNumber: number;
  dict: string;
  data: Buffer;
}

function readStreams(pdf: Buffer): PdfStream[] {
  const source = pdf.toString('latin1');
  const streams: PdfStream[] = [];
  const header = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(source)) !== null) {
    const length = /\/Length (\d+)/.exec(match[2]);
    if (!length) continue;
    const start = match.index + match[0].length;
    const raw = pdf.subarray(start, start + Number(length[1]));
    const data = /\/Filter\s*\/FlateDecode/.test(match[2]) ? inflateSync(raw) : raw;
    streams.push({ objectNumber: Number(match[1]), dict: match[2], data });
    header.lastIndex = start + Number(length[1]);
  }
  return streams;
}

const hexToString = (hex: string) => {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
};

function readCMap(cmap: string, into: Map<number, string>) {
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) into.set(parseInt(entry[1], 16), hexToString(entry[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const [from, to] = [parseInt(entry[1], 16), parseInt(entry[2], 16)];
      if (entry[3].startsWith('[')) {
        // Ligatures map to several code units: <0066 0069> is "fi".
        const values = [...entry[3].matchAll(/<([0-9a-fA-F\s]+)>/g)].map((value) => hexToString(value[1].replace(/\s+/g, '')));
        values.forEach((value, i) => into.set(from + i, value));
      } else {
        const first = parseInt(entry[3].slice(1, -1), 16);
        for (let code = from; code <= to; code++) into.set(code, String.fromCharCode(first + code - from));
      }
    }
  }
}

export function readPdf(pdf: Buffer): PdfFacts {
  const source = pdf.toString('latin1');
  const streams = readStreams(pdf);
  const toUnicode = new Map<number, string>();
  for (const stream of streams) {
    const text = stream.data.toString('latin1');
    if (text.includes('begincmap')) readCMap(text, toUnicode);
  }
  const fontFileObjects = new Set(
    [...source.matchAll(/\/FontFile[23]?\s+(\d+) 0 R/g)].map((match) => Number(match[1])),
  );
  const embeddedFontBytes = streams.filter((stream) => fontFileObjects.has(stream.objectNumber)).map((stream) => stream.data.length);
  const decode = (hex: string) => {
    let out = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) out += toUnicode.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
    return out;
  };
  const textRuns: string[] = [];
  for (const stream of streams) {
    const content = stream.data.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1] !== undefined) textRuns.push([...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((part) => decode(part[1])).join(''));
      else textRuns.push(decode(op[2]));
    }
  }
  return {
    fonts: [...source.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((match) => match[1]),
    embeddedFontBytes,
    textRuns,
    text: textRuns.join('\n'),
    pageCount: [...source.matchAll(/\/Type\s*\/Page\b(?!s)/g)].length,
  };
}
