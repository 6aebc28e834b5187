/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and driver packages, and the Node-only senders (mail, Web Push), are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/argon2", "nodemailer", "web-push"],
  poweredByHeader: false,
  // End-to-end tests build into their own folder so they never clash with a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project first; its end-to-end build need not do it again.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  typedRoutes: false,
  // Static security headers, set by the router at no cost per request (proxy.ts keeps only what must
  // be decided per request). Every page but the widget's is framed by nobody; the widget's framing
  // policy comes from proxy.ts.
  async headers() {
    const everywhere = [
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "X-Content-Type-Options", value: "nosniff" },
    ];
    return [
      { source: "/:path*", headers: everywhere },
      {
        source: "/((?!widget/).*)",
        headers: [
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
