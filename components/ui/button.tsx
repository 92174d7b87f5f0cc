import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-accent text-accent-foreground border-accent hover:opacity-90",
  secondary: "bg-background text-foreground border-input hover:bg-muted",
  ghost: "bg-transparent text-foreground border-transparent hover:bg-muted",
} as const;

const SIZES = {
  md: "px-3 py-1.5 text-sm",
  sm: "px-2 py-0.5 text-xs",
} as const;

export function Button({
  variant = "secondary",
  size = "md",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS; size?: keyof typeof SIZES }) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-1.5 rounded-md border font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]} ${SIZES[size]} ${className}`}
      {...props}
    />
  );
}
