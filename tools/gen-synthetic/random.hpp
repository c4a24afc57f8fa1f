#pragma once
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace jb::synth {

// SplitMix64 of a seed and a stream number: seeds for independent engines (per school, per class…),
// so that adding a class or a quarter does not reshuffle what was generated before it.
constexpr std::uint64_t mix(std::uint64_t seed, std::uint64_t stream = 0) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// std::mt19937_64 is specified bit for bit by the standard, the std:: distributions are not; every
// draw here is done by hand so the output is identical with any standard library.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    std::uint64_t next() { return engine_(); }
    // 0 … n-1 (0 when n <= 1, without drawing).
    int below(int n) { return n <= 1 ? 0 : static_cast<int>(engine_() % static_cast<std::uint64_t>(n)); }
    int between(int low, int high) { return low + below(high - low + 1); }
    bool chance(int per_mille) { return below(1000) < per_mille; }
    // [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

    template <class Container>
    const auto& pick(const Container& items) {
        return items[static_cast<std::size_t>(below(static_cast<int>(std::size(items))))];
    }
    template <class T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[static_cast<std::size_t>(below(static_cast<int>(i)))]);
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace jb::synth
