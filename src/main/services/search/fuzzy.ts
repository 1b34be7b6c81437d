/**
 * One typo: is `word` within one edit (a letter added, dropped, changed, or two neighbours
 * swapped) of `candidate` — or, with `prefix`, of the start of `candidate`? Linear, with no
 * allocation: it runs over the whole vocabulary on a keystroke.
 */
export function withinOneEdit(word: string, candidate: string, prefix: boolean): boolean {
  const n = Math.min(word.length, candidate.length);
  let i = 0;
  while (i < n && word.charCodeAt(i) === candidate.charCodeAt(i)) i++;
  if (i === word.length) return prefix || candidate.length - i <= 1;
  return (
    restEqual(word, i + 1, candidate, i + 1, prefix) || // changed
    restEqual(word, i + 1, candidate, i, prefix) || // a letter too many
    restEqual(word, i, candidate, i + 1, prefix) || // a letter missing
    (word.charCodeAt(i) === candidate.charCodeAt(i + 1) &&
      word.charCodeAt(i + 1) === candidate.charCodeAt(i) &&
      restEqual(word, i + 2, candidate, i + 2, prefix)) // swapped
  );
}

/** Is word[i..] equal to candidate[j..] (or, with `prefix`, to its start)? */
function restEqual(word: string, i: number, candidate: string, j: number, prefix: boolean) {
  const rest = word.length - i;
  const left = candidate.length - j;
  if (rest < 0 || (prefix ? left < rest : left !== rest)) return false;
  for (let k = 0; k < rest; k++) {
    if (word.charCodeAt(i + k) !== candidate.charCodeAt(j + k)) return false;
  }
  return true;
}
