export default function HomePage() {
  return <main className="p-8 text-2xl font-semibold">Storyreel</main>
}
