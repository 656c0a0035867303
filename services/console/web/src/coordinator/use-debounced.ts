// A value that settles: it changes only once the input has been still for `ms` (conflict checks while typing).
import { useEffect, useState } from 'react';

export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, ms);
    return () => {
      clearTimeout(timer);
    };
    // The serialised key stands for the value: a new array with the same items is not a change.
  }, [key, ms]);
  return settled;
}
