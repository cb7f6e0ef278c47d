import Link from "next/link";

export default function AppointmentNotFound() {
  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-16 text-center sm:px-6">
      <h1 className="text-3xl font-bold text-stone-900">Appointment not found</h1>
      <p className="mt-3 text-stone-700">This appointment does not exist or is not one of yours.</p>
      <Link href="/appointments" className="mt-6 inline-block font-semibold text-brand-700 underline">
        Go to my appointments
      </Link>
    </main>
  );
}
