"""villagebook: an offline book of a village's community contributions (积分簿)."""

__version__ = "0.1.0"
