#include "core/windows_1251.hpp"

#include <iconv.h>

#include "core/error.hpp"

namespace jb {

std::optional<std::string> to_windows_1251(std::string_view utf8) {
    iconv_t convert = iconv_open("CP1251", "UTF-8");
    if (convert == reinterpret_cast<iconv_t>(-1)) throw Error("iconv cannot convert to windows-1251 on this system");
    std::string in(utf8), out(utf8.size() + 4, '\0');  // never longer than the UTF-8
    char* in_ptr = in.data();
    char* out_ptr = out.data();
    std::size_t in_left = in.size(), out_left = out.size();
    std::size_t done = iconv(convert, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(convert);
    if (done == static_cast<std::size_t>(-1)) return std::nullopt;
    out.resize(out.size() - out_left);
    return out;
}

}  // namespace jb
