#include "core/temp_files.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <utility>

namespace jb {
namespace {

// Fixed storage: the signal handler may only touch memory that is never reallocated.
// Slots are claimed atomically (an import keeps its captures on a second thread); 0 free,
// 1 being written, 2 in use.
constexpr std::size_t kSlots = 16;
constexpr std::size_t kPathMax = 4096;
char slots[kSlots][kPathMax];
std::atomic<int> used[kSlots];
static_assert(std::atomic<int>::is_always_lock_free);

void on_interrupt(int signal_number) {
    for (std::size_t i = 0; i < kSlots; ++i)
        if (used[i].load() == 2) ::unlink(slots[i]);
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

}  // namespace

void register_temp_file(const std::string& path) {
    if (path.size() >= kPathMax) return;
    for (std::size_t i = 0; i < kSlots; ++i) {
        int expected = 0;
        if (!used[i].compare_exchange_strong(expected, 1)) continue;
        std::memcpy(slots[i], path.c_str(), path.size() + 1);
        used[i].store(2);
        return;
    }
}

void unregister_temp_file(const std::string& path) {
    for (std::size_t i = 0; i < kSlots; ++i) {
        int expected = 2;
        if (used[i].load() == 2 && path == slots[i] && used[i].compare_exchange_strong(expected, 0)) return;
    }
}

TempFileGuard::TempFileGuard(std::string path) : path_(std::move(path)) { register_temp_file(path_); }

TempFileGuard::~TempFileGuard() {
    ::unlink(path_.c_str());
    unregister_temp_file(path_);
}

void install_interrupt_cleanup() {
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal_number, on_interrupt);
}

}  // namespace jb
