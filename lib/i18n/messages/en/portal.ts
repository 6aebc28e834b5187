/** The portal's frame: navigation and sign-out. */
export const portal = {
  navLabel: "Account",
  overview: "Overview",
  devices: "Devices",
  browsers: "Browsers",
  sessions: "Sessions",
  signOut: "Sign out",
};
