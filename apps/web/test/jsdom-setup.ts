import { configure } from "@testing-library/react";

// jsdom has no layout: scrolling is a no-op there, not an error.
window.scrollTo = () => {};
Element.prototype.scrollIntoView = () => {};
// A page's first render loads its route chunk and asks the in-process API; on a busy 2-core machine
// that can take seconds, so waiting for what a page shows gets more than the default second.
configure({ asyncUtilTimeout: 10_000 });
