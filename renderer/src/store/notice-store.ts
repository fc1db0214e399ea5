// Notices shown over any screen (recovery after a damaged save, engine restarts, autosave failures), bilingual.
import { create } from 'zustand';

/** One notice: information (e.g. recovery) or an error, dismissible. */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  messageZh: string;
  messageEn: string;
}

export interface NoticeState {
  notices: Notice[];
  push: (notice: Omit<Notice, 'id'>) => void;
  dismiss: (id: number) => void;
}

let counter = 0;

export const useNoticeStore = create<NoticeState>((set) => ({
  notices: [],
  push: (notice) =>
    set((state) => {
      if (state.notices.some((n) => n.messageEn === notice.messageEn)) return state;
      counter += 1;
      return { notices: [...state.notices, { ...notice, id: counter }] };
    }),
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));
