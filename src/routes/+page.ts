// The home page is static text and links: it ships no JavaScript at all, so it is fast on any phone.
export const csr = false;
