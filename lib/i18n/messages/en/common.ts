/** Words every page shares: buttons, confirmations, form states (components/ui), the error pages, the page title. */
export const common = {
  cancel: "Cancel",
  brand: {
    /** The company's logo as a link to the portal's start. */
    home: "{companyName} home",
    homeFallback: "Home",
  },
  metadata: {
    title: "{companyName} account",
    /** Next's title template: `%s` is the page's own title. */
    titleTemplate: "%s · {companyName}",
    description: "Manage your {companyName} sign-in and security devices.",
  },
  errorPage: {
    title: "Something went wrong",
    body: "We could not show this page. Nothing was changed. Please try again in a moment.",
    tryAgain: "Try again",
    goToAccount: "Go to your account",
  },
  notFound: {
    metaTitle: "Not found",
    title: "Page not found",
    body: "This page does not exist, or it is not yours to see. If you followed a link, it may have expired.",
  },
  countryPicker: {
    hint: "Type to search by country name or calling code.",
    options: "{label} options",
    noMatch: "No country matches “{query}”.",
  },
  localTime: {
    /** The time the server writes before the browser writes it in the person's zone. */
    utc: "{time} UTC",
  },
};
