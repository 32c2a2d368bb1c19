import { useRef, useState, type ComponentProps, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import type { ContentComponents } from "./content";
import { largestCandidate } from "../content/post-images";

/**
 * Article element overrides for LoveIt's `lightgallery`: each image links to its full-size file (so
 * it works without script too): its large copy, the widest of its srcset, when the build made them.
 */
export const galleryComponents: ContentComponents = {
  img: ({ alt = "", ...props }: ComponentProps<"img">) => {
    const image = <img loading="lazy" {...props} alt={alt} />;
    if (typeof props.src !== "string") return image;
    return (
      <a href={(props.srcSet && largestCandidate(props.srcSet)) || props.src} className="gallery-link" data-gallery="">
        {image}
      </a>
    );
  },
};

interface GalleryImage {
  src: string;
  alt: string;
}

/**
 * LoveIt's lightgallery: a click on an article image opens it full size in a modal dialog, with
 * previous/next buttons, arrow keys and Escape to close.
 */
export function ImageGallery({ children }: { children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [images, setImages] = useState<GalleryImage[]>([]);
  const [index, setIndex] = useState(0);

  function open(event: MouseEvent<HTMLDivElement>) {
    const link = (event.target as Element).closest("a[data-gallery]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>("a[data-gallery]")];
    setImages(links.map((each) => ({ src: each.href, alt: each.querySelector("img")?.alt ?? "" })));
    setIndex(links.indexOf(link as HTMLAnchorElement));
    dialog.current?.showModal();
  }

  function step(by: number) {
    setIndex((current) => (current + by + images.length) % images.length);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === "ArrowRight") step(1);
    if (event.key === "ArrowLeft") step(-1);
  }

  const image = images[index];
  return (
    // The clicks are the gallery links' (real links, which keyboards reach and activate), handled here
    // for all of them at once; the div itself is not interactive.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div onClick={open}>
      {children}
      <dialog ref={dialog} className="gallery" aria-label="Image viewer" onKeyDown={onKeyDown}>
        {image && (
          <figure>
            <img src={image.src} alt={image.alt} />
            <figcaption>
              {image.alt}{" "}
              <span className="gallery-count">
                ({index + 1} of {images.length})
              </span>
            </figcaption>
          </figure>
        )}
        <div className="gallery-controls">
          {images.length > 1 && (
            <>
              <button type="button" onClick={() => step(-1)}>
                Previous image
              </button>
              <button type="button" onClick={() => step(1)}>
                Next image
              </button>
            </>
          )}
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </div>
  );
}
