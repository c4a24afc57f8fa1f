#include "core/report/report_file.hpp"

#include <iostream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace jb::report {

void write_page(const std::string& html, const std::string& path) {
    if (path.empty() || path == "-") {
        std::cout << html;
        std::cout.flush();
        if (!std::cout) throw Error("standard output: write failed");
        return;
    }
    AtomicFile file(path);
    file.stream() << html;
    file.commit();
}

}  // namespace jb::report
