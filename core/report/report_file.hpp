#pragma once
#include <string>

namespace jb::report {

// Writes the page to `path` atomically (nothing is left behind on failure), or to standard output
// when `path` is "" or "-".
void write_page(const std::string& html, const std::string& path);

}  // namespace jb::report
