/**
 * French typography for text the server writes with plain spaces: a no-break space inside « »
 * and before « : », a narrow one before « ; ! ? », so that a line never starts with « » » or « : »
 * nor ends with « « »; and a number keeps its groups of digits and its « € » or « % » on one line
 * (« 25 000 € »).
 */
export function withFrenchSpacing(text: string): string {
  return text
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»')
    .replace(/ :/g, '\u00a0:')
    .replace(/ ([;!?])/g, '\u202f$1')
    .replace(/(?<=\d) (?=\d{3}(?!\d))/g, '\u202f')
    .replace(/(?<=\d) (?=[€%])/g, '\u00a0');
}
