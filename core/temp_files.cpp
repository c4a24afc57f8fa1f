#include "core/temp_files.hpp"

#include <unistd.h>

#include <csignal>
#include <cstring>

namespace jb {
namespace {

// Fixed storage: the signal handler may only touch memory that is never reallocated.
constexpr std::size_t kSlots = 4;
constexpr std::size_t kPathMax = 4096;
char slots[kSlots][kPathMax];
volatile std::sig_atomic_t used[kSlots];

void on_interrupt(int signal_number) {
    for (std::size_t i = 0; i < kSlots; ++i)
        if (used[i]) ::unlink(slots[i]);
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

}  // namespace

void register_temp_file(const std::string& path) {
    if (path.size() >= kPathMax) return;
    for (std::size_t i = 0; i < kSlots; ++i) {
        if (used[i]) continue;
        std::memcpy(slots[i], path.c_str(), path.size() + 1);
        used[i] = 1;
        return;
    }
}

void unregister_temp_file(const std::string& path) {
    for (std::size_t i = 0; i < kSlots; ++i)
        if (used[i] && path == slots[i]) used[i] = 0;
}

void install_interrupt_cleanup() {
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal_number, on_interrupt);
}

}  // namespace jb
