import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";

// React Router's default entry, except that router updates are not transitions: a navigation's new
// page is rendered and committed in one go, instead of in 5 ms slices with frames and other tasks
// between them (and the "loading" update at the click renders at once, before the data arrives).
startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <HydratedRouter useTransitions={false} />
    </StrictMode>,
  );
});
