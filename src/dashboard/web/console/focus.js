// @ts-check
import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref for a section's heading (tabIndex -1) that takes the focus when the section appears: after each step the
 * agent's keyboard and screen reader start at the new section's top.
 * @returns {import('preact').RefObject<HTMLHeadingElement>}
 */
export function useFocusOnMount() {
  const ref = useRef(/** @type {HTMLHeadingElement|null} */ (null));
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
