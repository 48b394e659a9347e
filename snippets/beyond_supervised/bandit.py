"""Reinforcement learning in NumPy: an epsilon-greedy agent learns which slot machine pays best."""

import matplotlib.pyplot as plt
import numpy as np

N_ARMS, N_STEPS, N_RUNS = 10, 1000, 500
rng = np.random.default_rng(0)


def play(epsilon: float) -> tuple[np.ndarray, np.ndarray]:
    """Run N_RUNS agents side by side (one row each); return the reward of every run at every
    step, and whether each run picked the best arm, both of shape (N_STEPS, N_RUNS)."""
    runs = np.arange(N_RUNS)
    true_payout = rng.normal(0, 1, (N_RUNS, N_ARMS))  # each run has its own machines, hidden from the agent
    estimate = np.zeros((N_RUNS, N_ARMS))  # what the agent believes each arm pays
    pulls = np.zeros((N_RUNS, N_ARMS))
    rewards, picked_best = np.zeros((N_STEPS, N_RUNS)), np.zeros((N_STEPS, N_RUNS))
    for step in range(N_STEPS):
        # Policy: exploit the best estimate (a tiny random nudge breaks ties at random)...
        arm = np.argmax(estimate + 1e-9 * rng.random((N_RUNS, N_ARMS)), axis=1)
        # ...except with probability epsilon, explore a random arm.
        explore = rng.random(N_RUNS) < epsilon
        arm[explore] = rng.integers(N_ARMS, size=explore.sum())
        # The environment answers with a noisy reward around the arm's true payout.
        reward = rng.normal(true_payout[runs, arm], 1)
        # Learning: move the estimate to the running average of the rewards seen from that arm.
        pulls[runs, arm] += 1
        estimate[runs, arm] += (reward - estimate[runs, arm]) / pulls[runs, arm]
        rewards[step] = reward
        picked_best[step] = arm == true_payout.argmax(axis=1)
    return rewards, picked_best


# An agent that knew the best arm from the start would average this reward per step.
best_possible = rng.normal(0, 1, (100_000, N_ARMS)).max(axis=1).mean()
print(f"Best possible mean reward: {best_possible:.2f}")
fig, (ax_reward, ax_best) = plt.subplots(1, 2, figsize=(10, 3.8))
for epsilon in [0.0, 0.01, 0.1]:
    rewards, picked_best = play(epsilon)
    per_run = rewards[-100:].mean(axis=0)  # each run's mean reward over its last 100 steps
    spread = per_run.std() / np.sqrt(N_RUNS)  # standard error of the mean over the runs
    print(
        f"epsilon={epsilon:<4}: over the last 100 steps, mean reward {per_run.mean():.2f} ± {spread:.2f}, "
        f"best arm picked {picked_best[-100:].mean():.0%} of the time"
    )
    ax_reward.plot(rewards.mean(axis=1), label=f"ε = {epsilon}", linewidth=1)
    ax_best.plot(picked_best.mean(axis=1), label=f"ε = {epsilon}", linewidth=1)
ax_reward.axhline(best_possible, color="gray", linestyle="--", label="best possible")
ax_reward.set(xlabel="step", ylabel="average reward", title=f"Reward per step (mean of {N_RUNS} runs)")
ax_best.set(xlabel="step", ylabel="share of runs", title="How often the best arm is picked")
ax_best.yaxis.set_major_formatter("{x:.0%}")
ax_reward.legend()
fig.tight_layout()
plt.show()
