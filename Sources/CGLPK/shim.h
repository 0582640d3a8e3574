// GLPK's C API (Debian: libglpk-dev, /usr/include/glpk.h).
#include <glpk.h>
