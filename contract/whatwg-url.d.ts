// The WHATWG URL class, a global in every place the contract runs (browser, Electron preload and main, Node): declared
// for this project alone, so the contract compiles with neither DOM nor Node types (a stray `window` or `fs` fails).
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly port: string;
}
