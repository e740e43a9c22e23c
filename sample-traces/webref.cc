// hitmap sample workload: C++ template symbols (<>&::) and a thread named with a space.
#include <atomic>
#include <pthread.h>
#include <cstdio>
template <typename T> struct Ref {
  std::atomic<long> count{0};
  __attribute__((noinline)) void get() { count.fetch_add(1); }
  __attribute__((noinline)) void put() { count.fetch_sub(1); }
};
struct Label { char name[56]; };
static Ref<Label&> shared_ref;
__attribute__((noinline)) long work(long i) { long x = i; for (int k = 0; k < 20; k++) x = x * 31 + k; return x; }
template <typename F> __attribute__((noinline)) long run_op(F&& f, long i) { f(); return work(i); }
static void *worker(void *) {
  pthread_setname_np(pthread_self(), "Web Content");
  long s = 0;
  for (long i = 0; i < 8000000; i++) { s += run_op([] { shared_ref.get(); }, i); shared_ref.put(); }
  return (void *)s;
}
int main() {
  pthread_t t[2];
  for (auto &th : t) pthread_create(&th, nullptr, worker, nullptr);
  for (auto &th : t) pthread_join(th, nullptr);
  std::printf("%ld\n", shared_ref.count.load());
}
