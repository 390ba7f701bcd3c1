lookup(x);  // syncwise: ignore[SW303]
// syncwise: ignore[SW202, SW303] reason text
lookup(y);
lookup(z);  // syncwise: ignore
/* syncwise: ignore[SW2] */ call();
// syncwise: ignore-file[SW103]
x = 1; // syncwise: ignore[mt-unsafe-call-in-thread]
// syncwise: ignore[
// syncwise: ignore[SW999] unknown
y = "// syncwise: ignore[SW202]";
// syncwise:ignore[SW202]
z = 2;
