export const metadata = { title: "Peer" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: 560, margin: "2rem auto" }}>{children}</body>
    </html>
  );
}
