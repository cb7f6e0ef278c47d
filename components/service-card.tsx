type ServiceCardProps = {
  name: string;
  description: string;
  duration: string;
  price: string;
};

/** A bookable service as a card: the name is the card's heading, so screen readers can jump between them. */
export function ServiceCard({ name, description, duration, price }: ServiceCardProps) {
  return (
    <article className="flex flex-col gap-2 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <h3 className="text-lg font-semibold text-stone-900">{name}</h3>
      <p className="flex-1 text-sm text-stone-600">{description}</p>
      <dl className="flex items-center justify-between text-sm">
        <div>
          <dt className="sr-only">Duration</dt>
          <dd className="text-stone-600">{duration}</dd>
        </div>
        <div>
          <dt className="sr-only">Price</dt>
          <dd className="font-semibold text-brand-700">{price}</dd>
        </div>
      </dl>
    </article>
  );
}
