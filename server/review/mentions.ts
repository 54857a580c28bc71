/**
 * The mentions worth keeping: current workspace members whose "@Name" the body still contains
 * (a name typed then deleted, or an id slipped in, notifies nobody), each once.
 */
export function keepMentions(body: string, requested: readonly string[], members: ReadonlyMap<string, string>): string[] {
  const text = body.toLocaleLowerCase();
  return [...new Set(requested)].filter((id) => {
    const name = members.get(id);
    return name !== undefined && text.includes(`@${name.toLocaleLowerCase()}`);
  });
}
