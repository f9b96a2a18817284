// Links are resolved on the server (see link.tsx); next-intl's createNavigation
// is not used because merely importing it puts its client Link, and the message
// formatter with it, into every page's JavaScript.
export { Link, localizedPath } from "./link.tsx";
