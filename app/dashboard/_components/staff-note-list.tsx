import { formatSalonDateTime, type SalonFormat } from "@/lib/time/format-when";

type Note = { id: string; body: string; author: string; createdAt: Date };
type Props = { notes: Note[]; salon: SalonFormat; empty: string; className?: string };

/** Staff notes as the dashboard lists them everywhere: the text, then who wrote it and when. */
export function StaffNoteList({ notes, salon, empty, className = "" }: Props) {
  if (notes.length === 0) return <p className={`text-sm text-stone-700 ${className}`}>{empty}</p>;
  return (
    <ul className={`flex flex-col gap-2 ${className}`}>
      {notes.map((note) => (
        <li key={note.id} className="rounded border border-stone-200 bg-white p-2 text-sm">
          <p>{note.body}</p>
          <p className="mt-1 text-xs text-stone-700">
            {note.author}, {formatSalonDateTime(note.createdAt, salon)}
          </p>
        </li>
      ))}
    </ul>
  );
}
