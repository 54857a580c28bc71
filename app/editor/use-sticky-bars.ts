import { useEffect, type RefObject } from "react";

/**
 * Keeps `--editor-sticky-bottom` on the editor shell equal to where the sticky bars (presence
 * line, then the toolbar) end once stuck. The toolbar's height is not fixed: a reader's has a
 * second line saying why they cannot edit, and it wraps on narrow screens. The outline, the side
 * panel and the scroll margin of "Go to" targets sit below that edge (app.css).
 */
export function useStickyBarsHeight(shell: RefObject<HTMLElement | null>, toolbarShown: boolean): void {
  useEffect(() => {
    const root = shell.current;
    const toolbar = root?.querySelector<HTMLElement>(".toolbar");
    if (!root || !toolbar) return;
    const measure = () => {
      const stuckBottom = toolbar.offsetHeight + (parseFloat(getComputedStyle(toolbar).top) || 0);
      root.style.setProperty("--editor-sticky-bottom", `${Math.ceil(stuckBottom)}px`);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(toolbar);
    measure();
    return () => observer.disconnect();
  }, [shell, toolbarShown]);
}
