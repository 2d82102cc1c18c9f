import type { Messages } from "../messages";

export const errors: Messages["errors"] = {
  generic: "Something went wrong",
  badRequest: "Invalid request",
  notFound: "Page not found",
  forbidden: "Access denied",
  tooMany: "Too many attempts",
  genericText: "We could not show this page. Please try again in a moment.",
  badRequestText: "This request could not be read.",
  notFoundText: "This page does not exist or has moved.",
  forbiddenText: "You do not have access to this page.",
  tooManyText: "Please wait a few minutes before trying again.",
  backHome: "Back to the home page",
};
