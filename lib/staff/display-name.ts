/** What to select of a staff user to name them, and the name the salon presents (display name first). */
export const staffNameSelect = { name: true, staffProfile: { select: { displayName: true } } } as const;

export function staffDisplayName(user: { name: string; staffProfile: { displayName: string } | null }): string {
  return user.staffProfile?.displayName ?? user.name;
}
