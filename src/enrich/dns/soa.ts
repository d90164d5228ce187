/**
 * The SOA contact as a mail address: the first unescaped dot of the RNAME is the `@`
 * (RFC 1035 §8; `john\.doe.example.com` → `john.doe@example.com`). '' when there is no dot.
 */
export function soaMailbox(rname: string): string {
  const name = rname.replace(/\.$/, '');
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '\\') {
      i++;
      continue;
    }
    if (name[i] === '.') return `${name.slice(0, i).replace(/\\(.)/g, '$1')}@${name.slice(i + 1)}`;
  }
  return '';
}
